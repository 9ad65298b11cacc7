-- The chain of tokens one authorization code started (context.fromCode, kept through refreshes):
-- a replayed code or a reused rotated refresh token ends the whole chain, found through this index.
CREATE INDEX smart_token_chain ON smart_token ((context->>'fromCode')) WHERE context ? 'fromCode';
