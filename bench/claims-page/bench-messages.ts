/** What the claims-page bench (parent) and its server processes (children) say to each other. */
export type ServerName = 'real' | 'memory';
export type Variant = 'same' | 'pages';

export type ParentMessage =
  | { type: 'cpu' }
  | { type: 'sql-start' }
  | { type: 'sql-stop' }
  | { type: 'profile-start' }
  | { type: 'profile-stop'; file: string };
export type ChildMessage =
  | { type: 'listening'; port: number }
  | { type: 'cpu'; ms: number }
  | { type: 'sql'; statements: string[]; ms: number[] }
  | { type: 'profile'; ok: boolean };
