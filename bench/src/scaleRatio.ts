import type { BenchScenario } from './result';
import { target } from './scenario';

/** Linear scaling means 10× the people take 10× the time; 20 % slack above that. */
export const SCALE_RATIO_LIMIT = 12;

/**
 * Scenario 5's 100k/10k time ratio: added to each 100,000-person scenario from its 10,000-person twin (the
 * runs' own durations, without process start-up).
 */
export function addScaleRatio(scenarios: BenchScenario[]): BenchScenario[] {
  return scenarios.map((s) => {
    const match = /^scale-100000-(.+)$/.exec(s.id);
    if (!match) return s;
    const small = scenarios.find((o) => o.id === `scale-10000-${match[1]}`);
    const measurable = small && small.status === 'ok' && s.status === 'ok' && small.simulatedMs > 0;
    const ratio = measurable ? Math.round((s.simulatedMs / small.simulatedMs) * 100) / 100 : null;
    return {
      ...s,
      targets: [...s.targets, target('100k/10k time ratio (linear = 10)', SCALE_RATIO_LIMIT, ratio)]
    };
  });
}
