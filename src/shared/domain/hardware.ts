import { z } from 'zod';
import { LockModel } from './community';
import { DoorRef } from './credentials';
import { Id, Timestamp } from './primitives';

/** What a maintenance technician needs to plan a round: models in service and doors waiting. */
export const HardwareOverview = z.object({
  models: z.array(z.object({ model: LockModel, doorCount: z.number().int() })),
  pendingDoors: z.array(
    DoorRef.extend({ unitId: Id.nullable(), modelName: z.string(), pendingSince: Timestamp }),
  ),
});
export type HardwareOverview = z.infer<typeof HardwareOverview>;
