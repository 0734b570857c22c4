// A calm red box with the API's Japanese message (role="alert" so screen readers announce it).
import { Alert, List } from "@mantine/core";
import type { ReactNode } from "react";
import { ApiError } from "../api/client";
import { m } from "../messages";
import { errorMessage, isConflict } from "./errors";

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  /** overrides the message for a 409 (e.g. a module-specific "updated by someone else") */
  conflictMessage?: string;
  /** field labels: when given, field errors are listed under the message */
  fieldLabels?: Record<string, string>;
  children?: ReactNode;
}

export function ErrorAlert({ error, title, conflictMessage, fieldLabels, children }: ErrorAlertProps) {
  if (!error) return null;
  const message = isConflict(error) && conflictMessage ? conflictMessage : errorMessage(error);
  const fields = error instanceof ApiError ? Object.entries(error.fields) : [];
  return (
    <Alert color="red" variant="light" title={title ?? m.errors.heading} role="alert" className="yk-alert">
      {message}
      {fieldLabels && fields.length > 0 && (
        <List size="sm" mt="xs">
          {fields.map(([key, text]) => (
            <List.Item key={key}>
              {fieldLabels[key] ? `${fieldLabels[key]}: ` : ""}
              {text}
            </List.Item>
          ))}
        </List>
      )}
      {children}
    </Alert>
  );
}
