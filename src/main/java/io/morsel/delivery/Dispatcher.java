package io.morsel.delivery;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import io.morsel.learning.Learner;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every node looks for due deliveries every {@code morsel.delivery.dispatch-interval} and sends them a batch of
 * learners at a time ({@link Dispatch#sendBatch}); nodes share the work through the database's row locks, without
 * knowing of each other. One platform thread per node (STACK.md, trap 14).
 */
@Component
class Dispatcher extends RepeatingWork {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
	/** Learners claimed and sent in one transaction. */
	static final int BATCH = 50;

	private final Dispatch dispatch;
	private final Clock clock;
	/** This node's name in the send log: its host and an id of this application instance. */
	private final String node;

	Dispatcher(Dispatch dispatch, Clock clock, @Value("${morsel.delivery.dispatch-interval:5s}") Duration interval,
			@Value("${morsel.delivery.dispatch-enabled:true}") boolean enabled) {
		super("delivery-dispatcher", interval, enabled);
		this.dispatch = dispatch;
		this.clock = clock;
		this.node = host() + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Sends everything due now, batch after batch; returns how many learners it looked at. */
	int sendDue() {
		var looked = 0;
		while (true) {
			var now = clock.instant();
			List<Learner> learners;
			try {
				learners = dispatch.sendBatch(now, BATCH, node);
			}
			catch (RuntimeException e) {
				// The batch rolled back; one by one, a learner whose send fails holds up nobody else.
				log.debug("A batch of deliveries failed; sending them one by one", e);
				learners = oneByOne(now);
			}
			looked += learners.size();
			if (learners.size() < BATCH) {
				return looked;
			}
		}
	}

	private List<Learner> oneByOne(java.time.Instant now) {
		var learners = dispatch.due(now, BATCH);
		for (var learner : learners) {
			try {
				dispatch.send(learner, now, node);
			}
			catch (RuntimeException e) {
				log.warn("Delivery to {} failed; it stays planned and is tried again", learner, e);
			}
		}
		return learners;
	}

	String node() {
		return node;
	}

	@Override
	void round() {
		sendDue();
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (java.io.IOException e) {
			return "node";
		}
	}
}
