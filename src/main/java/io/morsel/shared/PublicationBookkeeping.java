package io.morsel.shared;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.function.SingletonSupplier;

/**
 * The event publication log's bookkeeping commits asynchronously (ADR 0056): marking a publication processing,
 * completed, failed or resubmitted. Spring Modulith writes each mark in a transaction of its own; a mark that a crash of
 * the database loses leaves the publication as it was before, so at worst its listener runs again, as it may after any
 * crash. A publication itself is stored as before, in the transaction of what published it, and commits with it.
 */
@Configuration(proxyBeanMethods = false)
class PublicationBookkeeping {

	@Bean
	static BeanPostProcessor asynchronousPublicationMarks(ObjectProvider<AsynchronousCommit> commit) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof EventPublicationRepository repository ? new Marks(repository, commit) : bean;
			}
		};
	}

	/** The publication log's repository, its marks committed asynchronously; everything else as the repository does it. */
	static final class Marks implements EventPublicationRepository {

		private final EventPublicationRepository repository;
		/** Looked up at the first mark: the repository is made before the beans it would need. */
		private final SingletonSupplier<AsynchronousCommit> commit;

		Marks(EventPublicationRepository repository, ObjectProvider<AsynchronousCommit> commit) {
			this.repository = repository;
			this.commit = SingletonSupplier.of(commit::getObject);
		}

		/** In the mark's own transaction (Spring Modulith's registry opens one for each); outside one, as it is. */
		private void asynchronously() {
			if (TransactionSynchronizationManager.isActualTransactionActive()) {
				commit.obtain().forThisTransaction();
			}
		}

		@Override
		public TargetEventPublication create(TargetEventPublication publication) {
			return repository.create(publication); // In the publisher's transaction: it commits as that one does.
		}

		@Override
		public void markProcessing(UUID identifier) {
			asynchronously();
			repository.markProcessing(identifier);
		}

		@Override
		public void markCompleted(TargetEventPublication publication, Instant completionDate) {
			asynchronously();
			repository.markCompleted(publication, completionDate);
		}

		@Override
		public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
			asynchronously();
			repository.markCompleted(event, identifier, completionDate);
		}

		@Override
		public void markCompleted(UUID identifier, Instant completionDate) {
			asynchronously();
			repository.markCompleted(identifier, completionDate);
		}

		@Override
		public void markFailed(UUID identifier) {
			asynchronously();
			repository.markFailed(identifier);
		}

		@Override
		public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
			asynchronously();
			return repository.markResubmitted(identifier, resubmissionDate);
		}

		@Override
		public List<TargetEventPublication> findIncompletePublications() {
			return repository.findIncompletePublications();
		}

		@Override
		public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
			return repository.findIncompletePublicationsPublishedBefore(instant);
		}

		@Override
		public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
				PublicationTargetIdentifier identifier) {
			return repository.findIncompletePublicationsByEventAndTargetIdentifier(event, identifier);
		}

		@Override
		public List<TargetEventPublication> findCompletedPublications() {
			return repository.findCompletedPublications();
		}

		@Override
		public void deletePublications(List<UUID> identifiers) {
			repository.deletePublications(identifiers);
		}

		@Override
		public void deleteCompletedPublications() {
			repository.deleteCompletedPublications();
		}

		@Override
		public void deleteCompletedPublicationsBefore(Instant instant) {
			repository.deleteCompletedPublicationsBefore(instant);
		}

		@Override
		public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
			return repository.findFailedPublications(criteria);
		}

		@Override
		public List<TargetEventPublication> findByStatus(EventPublication.Status status) {
			return repository.findByStatus(status);
		}

		@Override
		public int countByStatus(EventPublication.Status status) {
			return repository.countByStatus(status);
		}
	}
}
