/** The latest durations of one kind of request (ms, the last 200), for the log and benchmarks. */
export class RecentTimes {
  private readonly ms: number[] = [];

  /** Runs `f` and records how long it took, even when it throws. */
  time<T>(f: () => T): T {
    const t = performance.now();
    try {
      return f();
    } finally {
      if (this.ms.push(performance.now() - t) > 200) this.ms.shift();
    }
  }

  all(): number[] {
    return [...this.ms];
  }
}
