import {
  Action,
  ActionEvidence,
  ActionHolder,
  ActionMeasurement,
  ActionStatusChange,
  ActionVariant,
} from './action.entity';

/** The tables this module owns: registered with TypeOrmModule.forFeature, and listed for data sources opened outside the application. */
export const ACTIONS_ENTITIES = [
  Action,
  ActionHolder,
  ActionEvidence,
  ActionStatusChange,
  ActionMeasurement,
  ActionVariant,
];
