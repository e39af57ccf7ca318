import { IsEmail, IsOptional, Matches, Max, MinLength, validateSync } from 'class-validator';
import { validationProblems } from './validation-problems';

class Example {
  @MinLength(3) title = 'ab';
  @Matches(/^[a-z]+$/) slug = 'Niet Goed';
  @Max(60) days = 99;
  @IsOptional() @IsEmail() email = 'geen-adres';
}

describe(validationProblems.name, () => {
  it('gives each refused field its constraints as locale keys, with the limit the decorator was given', () => {
    expect(validationProblems(validateSync(new Example()))).toEqual({
      title: [{ key: 'formProblem.minLength', vars: { field: 'title', limit: 3 } }],
      slug: [{ key: 'formProblem.matches', vars: { field: 'slug' } }],
      days: [{ key: 'formProblem.max', vars: { field: 'days', limit: 60 } }],
      email: [{ key: 'formProblem.isEmail', vars: { field: 'email' } }],
    });
  });
});
