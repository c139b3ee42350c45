package org.manyi.clv.internal;

import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximises a log-likelihood over log-parameters with Nelder-Mead. Working on the log scale keeps
 * every parameter positive without bounds. Nelder-Mead can stall on a degenerate simplex, so the
 * search is restarted from the best point until a restart no longer improves it; several start
 * points are tried so that a bad start (non-finite likelihood, far-away optimum) is survived.
 */
public final class MaximumLikelihood {

  /** Relative change of the objective below which a simplex run stops. */
  private static final double RELATIVE_TOLERANCE = 1e-12;

  private static final double ABSOLUTE_TOLERANCE = 1e-10;

  /** Evaluation budget per simplex run. */
  private static final int MAX_EVALUATIONS = 20_000;

  /** Restarts stop when the log-likelihood improves by less than this. */
  private static final double RESTART_IMPROVEMENT = 1e-9;

  private static final int MAX_RESTARTS = 10;

  /** Initial simplex edge on the log scale: a factor e per parameter. */
  private static final double SIMPLEX_STEP = 1.0;

  /**
   * Log-parameters are confined to [-20, 20] (values between 2e-9 and 5e8). Some data sets have
   * their supremum at infinity (e.g. Pareto/NBD s, beta → ∞ with s/beta fixed, i.e. a homogeneous
   * drop-out rate); the bound stops the search chasing it, at a likelihood indistinguishable from
   * the limit.
   */
  private static final double LOG_PARAMETER_LIMIT = 20;

  /** Objective value standing in for an undefined likelihood (outside the parameter domain). */
  private static final double PENALTY = 1e300;

  private MaximumLikelihood() {}

  /** Result: the maximising log-parameters and the maximum log-likelihood. */
  public record Optimum(double[] logParameters, double logLikelihood) {}

  /**
   * Maximises {@code logLikelihood} (a function of log-parameters) from the given starts.
   *
   * @throws IllegalStateException when the likelihood is not finite at any point the search reaches
   */
  public static Optimum maximise(
      ToDoubleFunction<double[]> logLikelihood, double[]... startLogParameters) {
    ObjectiveFunction objective =
        new ObjectiveFunction(
            p -> {
              for (double v : p) {
                if (Math.abs(v) > LOG_PARAMETER_LIMIT) {
                  return PENALTY;
                }
              }
              double ll;
              try {
                ll = logLikelihood.applyAsDouble(p);
              } catch (ArithmeticException outsideSupportedRange) {
                return PENALTY;
              }
              return Double.isFinite(ll) ? -ll : PENALTY;
            });
    PointValuePair best = null;
    for (double[] start : startLogParameters) {
      PointValuePair found = polish(objective, start);
      if (found != null && (best == null || found.getValue() < best.getValue())) {
        best = found;
      }
    }
    if (best == null || best.getValue() >= PENALTY) {
      throw new IllegalStateException("log-likelihood is not finite at any tried parameter value");
    }
    return new Optimum(best.getPoint(), -best.getValue());
  }

  /** A log-likelihood with its gradient with respect to the log-parameters. */
  public interface WithGradient {
    /** Returns the log-likelihood and writes its gradient into {@code gradient}. */
    double logLikelihood(double[] logParameters, double[] gradient);
  }

  /**
   * Maximises a log-likelihood with analytic gradient by BFGS. The starts are tried in order until
   * one converges (the likelihoods here are well behaved, and on a million customers every extra
   * start costs seconds); a start whose BFGS run fails is continued with Nelder-Mead on the
   * likelihood alone, and the best result is kept.
   *
   * @throws IllegalStateException when the likelihood is not finite at any point reached
   */
  public static Optimum maximiseWithGradient(WithGradient logLikelihood, double[]... starts) {
    Bfgs.Objective negative =
        (p, gradient) -> {
          for (double v : p) {
            if (Math.abs(v) > LOG_PARAMETER_LIMIT) {
              return Double.POSITIVE_INFINITY;
            }
          }
          double ll;
          try {
            ll = logLikelihood.logLikelihood(p, gradient);
          } catch (ArithmeticException outsideSupportedRange) {
            return Double.POSITIVE_INFINITY;
          }
          for (int i = 0; i < gradient.length; i++) {
            gradient[i] = -gradient[i];
          }
          return Double.isFinite(ll) ? -ll : Double.POSITIVE_INFINITY;
        };
    Optimum best = null;
    for (double[] start : starts) {
      Bfgs.Result r = Bfgs.minimise(negative, start);
      Optimum candidate;
      if (r.converged() && Double.isFinite(r.value())) {
        candidate = new Optimum(r.point(), -r.value());
      } else {
        double[] scratch = new double[start.length];
        try {
          candidate =
              maximise(
                  p -> logLikelihood.logLikelihood(p, scratch),
                  Double.isFinite(r.value()) ? r.point() : start);
        } catch (IllegalStateException notFinite) {
          continue;
        }
      }
      if (best == null || candidate.logLikelihood() > best.logLikelihood()) {
        best = candidate;
      }
      if (r.converged()) {
        break;
      }
    }
    if (best == null) {
      throw new IllegalStateException("log-likelihood is not finite at any tried parameter value");
    }
    return best;
  }

  private static PointValuePair polish(ObjectiveFunction objective, double[] start) {
    PointValuePair best = null;
    double[] from = start.clone();
    for (int restart = 0; restart <= MAX_RESTARTS; restart++) {
      PointValuePair next;
      try {
        next = run(objective, from);
      } catch (MathIllegalStateException e) {
        // evaluation budget exhausted: keep the best so far and stop this start
        break;
      }
      boolean improved = best == null || best.getValue() - next.getValue() > RESTART_IMPROVEMENT;
      if (best == null || next.getValue() < best.getValue()) {
        best = next;
      }
      if (!improved) {
        break;
      }
      from = best.getPoint();
    }
    return best;
  }

  private static PointValuePair run(ObjectiveFunction objective, double[] start) {
    SimplexOptimizer optimizer = new SimplexOptimizer(RELATIVE_TOLERANCE, ABSOLUTE_TOLERANCE);
    return optimizer.optimize(
        new MaxEval(MAX_EVALUATIONS),
        objective,
        GoalType.MINIMIZE,
        new InitialGuess(start),
        new NelderMeadSimplex(start.length, SIMPLEX_STEP));
  }
}
