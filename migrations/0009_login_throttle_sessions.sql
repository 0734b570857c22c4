-- Login throttling per account and source address (issue 11, finding 11) and the user's own list of sessions.

-- A session has an id that can be shown and named in a request (the token's hash never leaves the server), and the
-- address and browser it was started from, so that its owner recognises it in 「ログイン中の端末」.
ALTER TABLE sessions ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX sessions_id ON sessions (id);
ALTER TABLE sessions ADD COLUMN client_address text CHECK (length(client_address) <= 100);
ALTER TABLE sessions ADD COLUMN user_agent text CHECK (length(user_agent) <= 300);

-- Addresses an account has signed in from. While the account is being guessed at from many addresses, an address it
-- has signed in from before (and that has not failed since) is not slowed down: the real user keeps working.
CREATE TABLE login_known_addresses (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  address text NOT NULL CHECK (length(address) <= 100),
  last_login_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, address)
);

-- Accounts are no longer locked by wrong passwords (anyone could lock anyone out); a lock left by the old rule ends now.
UPDATE users SET locked_until = NULL, failed_login_count = 0 WHERE locked_until IS NOT NULL OR failed_login_count <> 0;
