import type { Turn } from '../turn';
import { helpCard } from '../reply-cards';
import { cardReply, type Reply } from './reply';

export const answerHelp = async (turn: Turn): Promise<Reply> => cardReply(helpCard(turn.viewer.member));
