/** Percentile of a sample (nearest rank), in the sample's unit. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

export async function timeEach(count: number, run: (i: number) => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

export function latencyFigures(name: string, samples: number[]): Figure[] {
  return [
    { name: `${name} p50`, value: round(percentile(samples, 50)), unit: 'ms' },
    { name: `${name} p99`, value: round(percentile(samples, 99)), unit: 'ms' },
  ];
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
