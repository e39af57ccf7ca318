import { OutboxHold } from './outbox-hold.entity';
import { OutboxMessage } from './outbox-message.entity';

/** The tables this module owns: registered with TypeOrmModule.forFeature, and listed for data sources opened outside the application. */
export const MAIL_ENTITIES = [OutboxMessage, OutboxHold];
