import type { TrainingControls } from '../hardware/hardware-service';
import type { TrainingHandlers } from './handlers-type';

/** The contract's training section, served only by a training core. */
export function createTrainingHandlers(training: TrainingControls): TrainingHandlers {
  return {
    'training.simulate': (action) => training.simulate(action),
    'training.zwave': () => training.zwave(),
  };
}
