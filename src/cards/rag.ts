import type { Rag } from '../domain';

/** Semantic Adaptive Card colours only: the host maps them for light, dark and high-contrast themes. */
export type TextColour = 'default' | 'good' | 'warning' | 'attention' | 'accent';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'warning' | 'attention' | 'accent';

export interface RagPresentation {
  /** "On track": the word and the icon carry the meaning, in the default text colour (see status-text.ts). */
  readonly word: string;
  readonly icon: string;
  /** "🟢 On track". */
  readonly label: string;
  readonly style: ContainerStyle;
}

const presentations: Record<Rag, Omit<RagPresentation, 'label'>> = {
  'on-track': { word: 'On track', icon: '🟢', style: 'good' },
  'at-risk': { word: 'At risk', icon: '🟠', style: 'warning' },
  'off-track': { word: 'Off track', icon: '🔴', style: 'attention' },
  done: { word: 'Done', icon: '✅', style: 'emphasis' },
};

export const ragOrder: readonly Rag[] = ['on-track', 'at-risk', 'off-track', 'done'];

export const presentRag = (rag: Rag): RagPresentation => {
  const p = presentations[rag];
  return { ...p, label: `${p.icon} ${p.word}` };
};
