import { z } from 'zod';

/** Chinese messages for zod's generic issues; messages written in the schemas take precedence. */
export const chineseErrorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === 'undefined') return { message: '必填' };
      return { message: `类型应为 ${issue.expected}，收到 ${issue.received}` };
    case z.ZodIssueCode.unrecognized_keys:
      return { message: `不支持的字段：${issue.keys.join('、')}` };
    case z.ZodIssueCode.invalid_enum_value:
      return { message: `应为以下之一：${issue.options.join('、')}` };
    case z.ZodIssueCode.invalid_literal:
      return { message: `应为 ${JSON.stringify(issue.expected)}` };
    case z.ZodIssueCode.invalid_union_discriminator:
    case z.ZodIssueCode.invalid_union:
      return { message: '格式不正确' };
    case z.ZodIssueCode.too_small:
      if (issue.type === 'string') return { message: issue.minimum === 1 ? '不能为空' : `至少 ${issue.minimum} 个字` };
      if (issue.type === 'array') return { message: `至少 ${issue.minimum} 项` };
      return { message: `不能小于 ${issue.minimum}` };
    case z.ZodIssueCode.too_big:
      if (issue.type === 'string') return { message: `最多 ${issue.maximum} 个字` };
      if (issue.type === 'array') return { message: `最多 ${issue.maximum} 项` };
      return { message: `不能大于 ${issue.maximum}` };
    case z.ZodIssueCode.invalid_string:
      return { message: '格式不正确' };
    default:
      return { message: ctx.defaultError };
  }
};
