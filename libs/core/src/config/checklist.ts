import { z } from 'zod';

/** The statuses a checklist item may be required for (ClaimStatus's names; core knows no Prisma). */
const STATUSES = [
  'UNVERIFIED',
  'CONTESTED',
  'CORROBORATED',
  'CONFIRMED',
  'REFUTED',
  'RETRACTED',
] as const;

export interface ChecklistItemConfig {
  /** stable name, used by setChecklistItem and kept in the event log */
  key: string;
  label: string;
  /** the statuses a claim may move to only once this item is done (see libs/claims transitions) */
  requiredFor: (typeof STATUSES)[number][];
}

/**
 * The checklist every claim gets unless CHECKLIST says otherwise (docs/configuration.md). A verdict
 * (CONFIRMED or REFUTED: what a published rating states) needs a second editor's review.
 */
export const DEFAULT_CHECKLIST: readonly ChecklistItemConfig[] = [
  { key: 'original-source', label: 'Find the original source', requiredFor: [] },
  { key: 'contact-actor', label: 'Contact the actor for comment', requiredFor: [] },
  { key: 'check-numbers', label: 'Check the numbers', requiredFor: [] },
  { key: 'second-review', label: 'Second editor review', requiredFor: ['CONFIRMED', 'REFUTED'] },
];

const item = z
  .object({
    key: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a key is 1 to 40 lower-case letters, digits and -'),
    label: z.string().trim().min(1).max(200),
    requiredFor: z.array(z.enum(STATUSES)).default([]),
  })
  .strict();

/**
 * CHECKLIST: a JSON array of `{"key", "label", "requiredFor"?}`, 1 to 50 items with distinct keys.
 * Unset: DEFAULT_CHECKLIST.
 */
export const checklistSetting = z
  .string()
  .max(20_000)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a JSON array of {"key", "label", "requiredFor"}',
      });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(item)
      .min(1)
      .max(50)
      .refine(
        (items) => new Set(items.map((i) => i.key)).size === items.length,
        'every item needs its own key',
      ),
  );
