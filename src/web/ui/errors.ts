// Turns any thrown value into a Japanese message for the user.
import { ApiError } from "../api/client";
import { m } from "../messages";

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403 && !error.message) return m.errors.forbidden;
    if (error.status === 409 && error.code === "version_conflict") return m.errors.conflict;
    return error.message || m.errors.unknown;
  }
  if (error instanceof TypeError) return m.errors.network;
  return m.errors.unknown;
}

export function fieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fields : {};
}

export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
