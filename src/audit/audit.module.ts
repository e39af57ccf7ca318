import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditController } from './audit.controller';
import { AuditPagesController } from './audit.pages.controller';
import { AuditService } from './audit.service';
import { AUDIT_ENTITIES } from './audit.entities';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature(AUDIT_ENTITIES)],
  providers: [AuditService],
  controllers: [AuditController, AuditPagesController],
  exports: [AuditService],
})
export class AuditModule {}
