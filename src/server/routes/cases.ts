/** The historical case base: list with filters, one case in full. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Case, CaseSchema } from '../../history/caseSchema.ts';
import { httpError, notFound } from '../errors.ts';
import {
  CaseIdParamsSchema,
  CaseListSchema,
  CaseQuerySchema,
  type ChannelFilter,
  ErrorSchema,
} from '../../contracts/index.ts';
import { JSON_TYPE, rawJson } from '../rawJson.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';

const hasMediation = (c: Case) => c.timeline.some((e) => e.kind === 'mediation');

/** The channels a case's talks went through (the explorer's channel filter). */
function caseChannels(c: Case): Set<ChannelFilter> {
  const out = new Set<ChannelFilter>();
  for (const e of c.timeline) {
    if (e.kind === 'public-talks') out.add('public');
    else if (e.kind === 'back-channel' || e.kind === 'secret-contact') out.add('back-channel');
    else if (e.kind === 'mediation') out.add('mediated');
  }
  return out;
}

const routes: FastifyPluginAsyncZod = (app) => {
  const { history } = app.parley;

  app.get(
    '/cases',
    {
      schema: {
        tags: ['history'],
        operationId: 'listCases',
        summary: 'historical wars and peace processes, filtered',
        querystring: CaseQuerySchema,
        response: {
          200: CaseListSchema,
          400: ErrorSchema,
        },
      },
    },
    (req) => {
      const { mediation, channel } = req.query;
      const cases = history
        .listCases(req.query)
        .filter(
          (c) =>
            (mediation === undefined || (mediation === 'yes') === hasMediation(c)) &&
            (channel === undefined || caseChannels(c).has(channel)),
        )
        .map((c) => ({
          id: c.id,
          name: c.name,
          type: c.type,
          region: c.region ?? null,
          start: c.start.date,
          end: c.end?.date ?? null,
          outcome: c.outcome,
        }));
      // the case base is fixed while the server runs, in one order: a page starts after the id
      // of the previous page's last case
      const afterId = decodeCursor(req.query.cursor, z.object({ id: z.string().max(200) }))?.id;
      const start = afterId === undefined ? 0 : cases.findIndex((c) => c.id === afterId) + 1;
      if (start === 0 && afterId !== undefined)
        throw httpError(
          400,
          'invalid_cursor',
          `case ${afterId} is not in this list; start again without the cursor`,
          ['query', 'cursor'],
        );
      const page = cases.slice(start, start + req.query.limit);
      const more = start + page.length < cases.length;
      return {
        total: cases.length,
        cases: page,
        nextCursor: more ? encodeCursor({ id: page[page.length - 1].id }) : null,
      };
    },
  );

  app.get(
    '/cases/:id',
    {
      schema: {
        tags: ['history'],
        operationId: 'getCase',
        summary: 'one case with its timeline, sources and lessons',
        params: CaseIdParamsSchema,
        response: { 200: CaseSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (req, reply) => {
      const c = history.getCase(req.params.id);
      if (!c) throw notFound(`case ${req.params.id}`);
      return reply.type(JSON_TYPE).send(rawJson(JSON.stringify(c)));
    },
  );
  return Promise.resolve();
};
export default routes;
