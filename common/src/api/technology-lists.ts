import { z } from 'zod';

export const LIST_TYPES = ['encouraged', 'restricted', 'prohibited'] as const;
export const ListType = z.enum(LIST_TYPES);
export type ListType = z.infer<typeof ListType>;

export const LIST_DIRECTIONS = ['inbound_domestic', 'outbound', 'all'] as const;
export const ListDirection = z.enum(LIST_DIRECTIONS);
export type ListDirection = z.infer<typeof ListDirection>;
