// The averaged perceptron (Collins 2002) over hashed indicator features: the parser's
// transition and label classifiers learn with it. Averaging is lazy (Daumé's trick): beside the
// weights w it keeps u = Σ (update time × change), and the average after c updates is w − u / c.
import { type LinearModel, scoreRows } from './linear';

export class AveragedPerceptron {
  readonly model: LinearModel;
  private readonly totals: Float64Array;
  private time = 1;

  constructor(readonly classes: number, readonly hashBits: number) {
    this.model = { classes, hashBits, bias: new Float64Array(classes), weights: new Float64Array(classes * 2 ** hashBits), scale: 1 };
    this.totals = new Float64Array(classes * 2 ** hashBits);
  }

  /** Scores of every class for `count` rows into `out`, with the current (not averaged) weights. */
  scores(rows: Int32Array, count: number, out: Float64Array): void {
    scoreRows(this.model, rows, count, out);
  }

  /** Moves the rows' weights toward `right` and away from `wrong` (by `step`), and counts one example. */
  update(rows: Int32Array, count: number, right: number, wrong: number, step = 1): void {
    if (right !== wrong) {
      const weights = this.model.weights as Float64Array;
      const classes = this.classes;
      for (let k = 0; k < count; k++) {
        const r = rows[k] * classes;
        weights[r + right] += step;
        this.totals[r + right] += this.time * step;
        weights[r + wrong] -= step;
        this.totals[r + wrong] -= this.time * step;
      }
    }
    this.time++;
  }

  /** Counts an example without an update (a right prediction): averaging weighs every example. */
  tick(): void {
    this.time++;
  }

  /** The averaged weights, as a new model (the training state is left as it is). */
  averaged(): LinearModel {
    const weights = this.model.weights as Float64Array;
    const out = new Float64Array(weights.length);
    for (let i = 0; i < weights.length; i++) if (weights[i] !== 0 || this.totals[i] !== 0) out[i] = weights[i] - this.totals[i] / this.time;
    return { classes: this.classes, hashBits: this.hashBits, bias: new Float64Array(this.classes), weights: out, scale: 1 };
  }
}
