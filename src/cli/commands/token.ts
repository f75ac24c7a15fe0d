/**
 * `parley token create [--name]`, `parley token list`, `parley token revoke <id>`: API tokens
 * for writes. A token is printed once; the store keeps only a salted hash.
 */
import type { Command } from 'commander';
import { describeStore, openStore, storeConfigFromEnv } from '../../store/index.ts';
import { textProblem } from '../../model/index.ts';
import { UserError } from '../exit.ts';

export function register(program: Command): void {
  const token = program
    .command('token')
    .description('API tokens for the HTTP API (writes need one)');

  token
    .command('create')
    .description('create a token and print it once')
    .option('--name <name>', 'what the token is for', 'default')
    .action(async (opts: { name: string }) => {
      if (opts.name.length > 100) throw new UserError('✖ --name is at most 100 characters');
      const bad = textProblem(opts.name, { multiline: false });
      if (bad) throw new UserError(`✖ --name: ${bad.message}`);
      const config = storeConfigFromEnv();
      const store = await openStore(config);
      try {
        const { token: secret, meta } = await store.createToken(opts.name);
        process.stderr.write(
          `Created token ${meta.id} ("${meta.name}") in ${describeStore(config)}. It is shown only now:\n`,
        );
        process.stdout.write(secret + '\n');
      } finally {
        await store.close();
      }
    });

  token
    .command('list')
    .description('list tokens (ids and names; secrets are never shown)')
    .action(async () => {
      const store = await openStore(storeConfigFromEnv());
      try {
        for (const t of await store.listTokens())
          process.stdout.write(
            `${t.id}  ${t.name}  created ${t.createdAt}${t.revokedAt ? `  revoked ${t.revokedAt}` : ''}\n`,
          );
      } finally {
        await store.close();
      }
    });

  token
    .command('revoke')
    .description('revoke a token by its id')
    .argument('<id>', 'token id (from `parley token list`)')
    .action(async (id: string) => {
      const store = await openStore(storeConfigFromEnv());
      try {
        if (!(await store.revokeToken(id)))
          throw new UserError(`✖ no active token with id "${id}"`);
        process.stdout.write(`revoked ${id}\n`);
      } finally {
        await store.close();
      }
    });
}
