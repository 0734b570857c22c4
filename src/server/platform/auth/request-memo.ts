// Values a request looks up once: the router's audience check and the service it calls both need, say, the bureau
// that runs ふるさと納税, and asking the database twice was one of the ledger list's five round trips
// (issue 14). The memo hangs on the caller the session lookup made for this request, a new object every request, so
// nothing outlives the request; a caller made any other way (tests, the command line) reads every time.
import type { Principal } from "./permissions";

const memos = new WeakMap<Principal, Map<string, Promise<unknown>>>();

/** Marks `user` as one request's caller (the session lookup does, once per request). */
export function startRequestMemo(user: Principal): Principal {
  memos.set(user, new Map());
  return user;
}

/** `read()` once per request of `user` under `key`; a failed read is not kept. */
export function oncePerRequest<T>(user: Principal | null, key: string, read: () => Promise<T>): Promise<T> {
  const memo = user ? memos.get(user) : undefined;
  if (!memo) return read();
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = read();
    memo.set(key, value);
    value.catch(() => memo.delete(key));
  }
  return value;
}
