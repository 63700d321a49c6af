import type { Rag } from '../domain';

/** Semantic Adaptive Card colours only: the host maps them for light, dark and high-contrast themes. */
export type TextColour = 'default' | 'good' | 'warning' | 'attention' | 'accent';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'warning' | 'attention' | 'accent';

export interface RagPresentation {
  /** "On track": the word carries the meaning for anyone who cannot tell the colours apart. */
  readonly word: string;
  readonly icon: string;
  /** "🟢 On track". */
  readonly label: string;
  readonly colour: TextColour;
  readonly style: ContainerStyle;
}

const presentations: Record<Rag, Omit<RagPresentation, 'label'>> = {
  'on-track': { word: 'On track', icon: '🟢', colour: 'good', style: 'good' },
  'at-risk': { word: 'At risk', icon: '🟠', colour: 'warning', style: 'warning' },
  'off-track': { word: 'Off track', icon: '🔴', colour: 'attention', style: 'attention' },
  done: { word: 'Done', icon: '✅', colour: 'good', style: 'emphasis' },
};

export const ragOrder: readonly Rag[] = ['on-track', 'at-risk', 'off-track', 'done'];

export const presentRag = (rag: Rag): RagPresentation => {
  const p = presentations[rag];
  return { ...p, label: `${p.icon} ${p.word}` };
};
