import { z } from 'zod';

/** The fixed contract of POST /api/v1/mappings/suggest (DESIGN.md). */
export const schemaFieldSchema = z.object({
  name: z.string().min(1).max(255),
  label: z.string().max(255),
  type: z.string().max(80),
  samples: z.array(z.string().max(1000)).max(50).optional(),
});
export const schemaSchema = z.object({
  system: z.enum(['salesforce', 'netsuite']),
  object: z.string().min(1).max(255),
  fields: z.array(schemaFieldSchema).max(800),
});
export const suggestRequestSchema = z.object({ source: schemaSchema, target: schemaSchema });

export type SchemaField = z.infer<typeof schemaFieldSchema>;
export type Schema = z.infer<typeof schemaSchema>;
export type SuggestRequest = z.infer<typeof suggestRequestSchema>;

export interface Suggestion {
  sourceField: string;
  targetField: string;
  confidence: number;
  reasons: string[];
}
