package io.morsel.learning;

import io.micrometer.core.instrument.MeterRegistry;
import io.morsel.learning.Answers.Pending;
import io.morsel.learning.Answers.Written;
import io.morsel.shared.Batcher;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where an answer is written, chosen by the caller: {@link #write} with other learners' answers in a batch of the
 * node's one answer writer (ADR 0005), or {@link #writeInThisTransaction} in the caller's own.
 */
@Component
class AnswerWriter {

	/** The most answers written in one transaction. */
	static final int MOST = 256;

	private final Answers answers;
	private final Batcher<Pending, Written> batcher;
	private final TransactionTemplate joining;

	AnswerWriter(Answers answers, Batcher<Pending, Written> answerBatcher, PlatformTransactionManager transactions) {
		this.answers = answers;
		this.batcher = answerBatcher;
		this.joining = new TransactionTemplate(transactions);
		this.joining.setPropagationBehavior(TransactionDefinition.PROPAGATION_MANDATORY);
	}

	/**
	 * Writes the answer in the answer writer's next batch and returns once it is committed. Outside any transaction:
	 * inside one, the batch would wait for the caller's locks while the caller waits for the batch.
	 */
	Written write(Pending answer) {
		return batcher.write(answer);
	}

	/**
	 * Writes the answer in the caller's transaction, on its thread, and returns before the commit.
	 * @throws org.springframework.transaction.IllegalTransactionStateException when there is no transaction
	 */
	Written writeInThisTransaction(Pending answer) {
		return joining.execute(status -> answers.store(List.of(answer))).getFirst();
	}

	@Configuration(proxyBeanMethods = false)
	static class Batching {

		/** The node's answer writer: a bean, so it starts and stops with the application. */
		@Bean
		Batcher<Pending, Written> answerBatcher(Answers answers, PlatformTransactionManager transactions,
				MeterRegistry meters) {
			return new Batcher<>("answers", MOST, answers::store, transactions, meters);
		}
	}
}
