import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';

export class PutSurveyDefinitionDto {
  @ApiProperty({ description: 'SurveyJS JSON; strings as { default: Dutch, en: English }' })
  @IsObject()
  definition: object;
}
