import { helpCard } from '../reply-cards';
import type { Turn } from '../turn';
import { postBelow, type InvokeAnswer } from './invoke-answer';

export const onShowHelp = async (turn: Turn): Promise<InvokeAnswer> => postBelow('Here is what I can do', helpCard(turn.viewer.member));
