import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditPagesController } from './audit.pages.controller';
import { AuditService } from './audit.service';

@Global()
@Module({ providers: [AuditService], controllers: [AuditController, AuditPagesController], exports: [AuditService] })
export class AuditModule {}
