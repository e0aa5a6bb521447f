import { isDatabaseUnavailable } from '../src/middlewares/database-unavailable';

// Which errors mean "the database cannot be reached" (503, try again) rather than a failed query.
describe('isDatabaseUnavailable', () => {
  const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it.each([
    [
      'a pool that waited in vain (Knex)',
      Object.assign(new Error('Knex: Timeout acquiring a connection.'), { name: 'KnexTimeoutError' }),
    ],
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a server shutting down (57P01)', withCode('57P01', 'terminating connection due to administrator command')],
    ['a connection exception (08006)', withCode('08006')],
    ['too many connections (53300)', withCode('53300')],
    ['a dropped connection (pg, no code)', new Error('Connection terminated unexpectedly')],
    ['a wrapped refusal', new Error('query failed', { cause: withCode('ECONNREFUSED') })],
  ])('yes for %s', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', withCode('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error (42601)', withCode('42601')],
    ['a plain error', new Error('Cannot read properties of undefined')],
    ['a non-error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('no for %s', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
