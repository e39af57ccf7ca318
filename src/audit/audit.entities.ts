import { AuditEvent } from './audit-event.entity';

/** The tables this module owns: registered with TypeOrmModule.forFeature, and listed for data sources opened outside the application. */
export const AUDIT_ENTITIES = [AuditEvent];
