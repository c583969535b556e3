import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorCode } from '@duty/shared/errors';
import { AppError } from './app-error';

function flatten(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) fields[path] = Object.values(error.constraints);
    Object.assign(fields, flatten(error.children ?? [], path));
  }
  return fields;
}

/** class-validator on every argument; failures become VALIDATION_FAILED naming each field. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new AppError(
        ErrorCode.VALIDATION_FAILED,
        `提交的数据未通过校验：${Object.keys(fields).join('、')}。`,
        { fields },
      );
    },
  });
}
