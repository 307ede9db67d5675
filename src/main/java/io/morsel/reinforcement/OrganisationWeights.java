package io.morsel.reinforcement;

import io.morsel.identity.OrganisationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Each organisation's FSRS weights and last fit, one row in organisation_fsrs_weights. */
@Repository
class OrganisationWeights {

	private static final String FIND = """
			SELECT weights, fitted_at, review_count, held_out_reviews,
			       log_loss_before, rmse_before, log_loss_after, rmse_after, improved
			FROM organisation_fsrs_weights
			WHERE organisation_id = :organisation
			""";

	private static final String DELETE = """
			DELETE FROM organisation_fsrs_weights
			WHERE organisation_id = :organisation
			""";

	private static final String INSERT = """
			INSERT INTO organisation_fsrs_weights (organisation_id, weights, fitted_at, review_count, held_out_reviews,
			                                       log_loss_before, rmse_before, log_loss_after, rmse_after, improved)
			VALUES (:organisation, :weights, :fittedAt, :reviewCount, :heldOut,
			        :logLossBefore, :rmseBefore, :logLossAfter, :rmseAfter, :improved)
			""";

	private final JdbcClient sql;

	OrganisationWeights(JdbcClient sql) {
		this.sql = sql;
	}

	Optional<StoredFit> of(OrganisationId organisation) {
		return sql.sql(FIND).param("organisation", organisation.value()).query(OrganisationWeights::fit).optional();
	}

	@Transactional
	void save(OrganisationId organisation, StoredFit fit) {
		sql.sql(DELETE).param("organisation", organisation.value()).update();
		sql.sql(INSERT)
			.param("organisation", organisation.value())
			.param("weights", json(fit.weights()))
			.param("fittedAt", java.sql.Timestamp.from(fit.fittedAt()))
			.param("reviewCount", fit.reviewCount())
			.param("heldOut", fit.after().reviews())
			.param("logLossBefore", fit.before().logLoss())
			.param("rmseBefore", fit.before().rmseBins())
			.param("logLossAfter", fit.after().logLoss())
			.param("rmseAfter", fit.after().rmseBins())
			.param("improved", fit.improved())
			.update();
	}

	/** The weights as a JSON array of numbers, each written so that it reads back to the same double. */
	static String json(Weights weights) {
		return weights.values().stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
	}

	static Weights weights(String json) {
		var inner = json.strip();
		inner = inner.substring(1, inner.length() - 1);
		List<Double> values = Arrays.stream(inner.split(",")).map(String::strip).map(Double::valueOf).toList();
		return new Weights(values);
	}

	private static StoredFit fit(ResultSet row, int number) throws SQLException {
		int heldOut = row.getInt("held_out_reviews");
		return new StoredFit(weights(row.getString("weights")), row.getTimestamp("fitted_at").toInstant(),
				row.getInt("review_count"),
				new Evaluation(row.getDouble("log_loss_before"), row.getDouble("rmse_before"), heldOut),
				new Evaluation(row.getDouble("log_loss_after"), row.getDouble("rmse_after"), heldOut),
				row.getBoolean("improved"));
	}
}
