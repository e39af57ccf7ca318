import { Module } from '@nestjs/common';
import { RespondentsModule } from '../respondents/respondents.module';
import { StudiesModule } from '../studies/studies.module';
import { DemoService } from './demo.service';

@Module({ imports: [StudiesModule, RespondentsModule], providers: [DemoService], exports: [DemoService] })
export class DemoModule {}
