package org.telereg.engine.fraud;

/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares): with a
 * few dozen features each step is one small linear solve, it converges in about ten steps, and the result does
 * not depend on a learning rate or on the order of the rows.
 */
final class LogisticRegression {

    private static final double TOLERANCE = 1e-9;

    private LogisticRegression() {}

    /**
     * Minimises mean log-loss + l2/2 · |w|² (the intercept is not penalised).
     *
     * @param x rows of standardised features
     * @param y labels
     * @return the intercept followed by one weight per column
     */
    static double[] fit(double[][] x, boolean[] y, double l2, int maxIterations) {
        int n = x.length;
        int d = x[0].length + 1;
        double[] beta = new double[d];
        double previousLoss = Double.POSITIVE_INFINITY;
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int i = 0; i < n; i++) {
                double p = sigmoid(dot(beta, x[i]));
                double error = p - (y[i] ? 1 : 0);
                double weight = Math.max(p * (1 - p), 1e-12);
                gradient[0] += error;
                hessian[0][0] += weight;
                for (int j = 1; j < d; j++) {
                    double xj = x[i][j - 1];
                    gradient[j] += error * xj;
                    hessian[0][j] += weight * xj;
                    for (int k = 1; k <= j; k++) {
                        hessian[k][j] += weight * xj * x[i][k - 1];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                gradient[j] /= n;
                for (int k = 0; k <= j; k++) {
                    hessian[k][j] /= n;
                    hessian[j][k] = hessian[k][j];
                }
            }
            for (int j = 1; j < d; j++) {
                gradient[j] += l2 * beta[j];
                hessian[j][j] += l2;
            }
            double[] step = solve(hessian, gradient);
            // Halve the step while it does not lower the loss: Newton can overshoot far from the optimum.
            double scale = 1;
            double[] next = new double[d];
            double loss;
            while (true) {
                for (int j = 0; j < d; j++) {
                    next[j] = beta[j] - scale * step[j];
                }
                loss = loss(next, x, y, l2);
                if (loss <= previousLoss || scale < 1e-6) {
                    break;
                }
                scale /= 2;
            }
            double change = 0;
            for (int j = 0; j < d; j++) {
                change = Math.max(change, Math.abs(next[j] - beta[j]));
            }
            beta = next.clone();
            previousLoss = loss;
            if (change < TOLERANCE) {
                break;
            }
        }
        return beta;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double dot(double[] beta, double[] row) {
        double z = beta[0];
        for (int j = 0; j < row.length; j++) {
            z += beta[j + 1] * row[j];
        }
        return z;
    }

    private static double loss(double[] beta, double[][] x, boolean[] y, double l2) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double z = dot(beta, x[i]);
            // log(1 + e^z) computed without overflow for large |z|.
            double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
            sum += softplus - (y[i] ? z : 0);
        }
        double penalty = 0;
        for (int j = 1; j < beta.length; j++) {
            penalty += beta[j] * beta[j];
        }
        return sum / x.length + l2 / 2 * penalty;
    }

    /** Solves a symmetric positive definite system by Cholesky decomposition. */
    private static double[] solve(double[][] a, double[] b) {
        int d = b.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    // A column with no variance leaves a zero pivot; a tiny ridge keeps the solve defined.
                    l[i][i] = Math.sqrt(Math.max(sum, 1e-12));
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        double[] z = new double[d];
        for (int i = 0; i < d; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * z[k];
            }
            z[i] = sum / l[i][i];
        }
        double[] x = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < d; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }
}
