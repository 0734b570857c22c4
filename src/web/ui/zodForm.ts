// Validation for @mantine/form from the shared zod schemas (src/common/api/*): the same rules the server applies, with
// the Japanese messages of src/common/zod-japanese.ts (a schema's own message wins), keyed by the field's path
// ("details.allergens.0") as @mantine/form expects.
import type { FormErrors } from "@mantine/form";
import type { z } from "zod";
import { japaneseErrorMap } from "../../common/zod-japanese";

export function zodResolver<T>(schema: z.ZodType<T>): (values: unknown) => FormErrors {
  return (values) => {
    const result = schema.safeParse(values, { error: japaneseErrorMap });
    if (result.success) return {};
    const errors: FormErrors = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join(".");
      if (!(path in errors)) errors[path] = issue.message;
    }
    return errors;
  };
}
