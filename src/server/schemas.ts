import { z } from 'zod';

/** One article sent to the API: text, HTML or (once fetching exists) a URL, with optional metadata. */
export const Article = z
  .object({
    text: z.string().min(1).optional(),
    html: z.string().min(1).optional(),
    url: z.string().url().optional(),
    title: z.string().max(2000).optional(),
    published: z.string().max(64).optional(),
    site: z.string().max(500).optional(),
    byline: z.string().max(2000).optional(),
    language: z.string().max(35).optional(),
  })
  .strict()
  .refine((a) => a.text || a.html || a.url, { message: 'an article needs "text", "html" or "url"' });

const StoryId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes, at most 64');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** Body of POST /api/stories. */
export const CreateStory = z
  .object({
    name: z.string().trim().min(1).max(200),
    id: StoryId.optional(),
    published: IsoDate.optional(),
    articles: z.array(Article).max(5000).default([]),
    feed: z.string().url().optional(),
  })
  .strict();

/** JSON body of POST /api/stories/{id}/documents. */
export const AddDocuments = z
  .object({
    articles: z.array(Article).max(5000).default([]),
    feed: z.string().url().optional(),
  })
  .strict();

/** Path parameters: a document id. */
export const IdParams = z.object({ id: z.string().min(1).max(200) });
/** Path parameters: a story id. */
export const StoryParams = z.object({ id: StoryId });

const limit = (max: number) => z.coerce.number().int().min(1).max(max).optional();
const offset = z.coerce.number().int().min(0).optional();

/** Query of GET /api/stories. */
export const ListQuery = z.object({ q: z.string().max(500).optional(), limit: limit(500), offset });
/** Query of GET /api/search. */
export const SearchQuery = z.object({ q: z.string().min(1).max(500), story: StoryId.optional(), limit: limit(200), offset });
/** Query of POST /api/stories/{id}/documents: the name and reference date of a story it creates. */
export const AddQuery = z.object({ name: z.string().trim().min(1).max(200).optional(), published: IsoDate.optional() });

/** The one error shape, for the OpenAPI document. */
export const ErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
