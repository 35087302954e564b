// One view model for every piece of training material (facilitator notes,
// worksheets, supervision questions): a title and sections of blocks, rendered by
// templates/training.{md,html}.hbs. Every block carries every key, as the
// templates run in strict mode.

export interface TrainingQuestion {
  text: string;
  because: string;
  hasBecause: boolean;
}

export interface TrainingBlock {
  isParagraph: boolean;
  isNote: boolean;
  isList: boolean;
  isOrdered: boolean;
  isTable: boolean;
  isQuestions: boolean;
  isAnswer: boolean;
  text: string;
  items: string[];
  head: string[];
  rows: string[][];
  questions: TrainingQuestion[];
  /** Blank lines to write on (answer space). */
  lines: number[];
}

export interface TrainingSection {
  heading: string;
  /** A subsection (###) rather than a section (##). */
  isSub: boolean;
  /** Printed from the top of a new page (a handout's exercise, a case of the case summaries). */
  newPage: boolean;
  blocks: TrainingBlock[];
}

export interface TrainingView {
  header: {
    title: string;
    subtitle: string;
    /** Shown where reports show a case id (running header, print margins). */
    caseId: string;
    marking: string;
    asOf: string;
    organisation: string;
    hasOrganisation: boolean;
  };
  notice: string;
  sections: TrainingSection[];
}

const EMPTY: TrainingBlock = {
  isParagraph: false,
  isNote: false,
  isList: false,
  isOrdered: false,
  isTable: false,
  isQuestions: false,
  isAnswer: false,
  text: '',
  items: [],
  head: [],
  rows: [],
  questions: [],
  lines: [],
};

export const paragraph = (text: string): TrainingBlock => ({ ...EMPTY, isParagraph: true, text });
export const note = (text: string): TrainingBlock => ({ ...EMPTY, isNote: true, text });
export const list = (items: readonly string[], ordered = false): TrainingBlock => ({ ...EMPTY, isList: true, isOrdered: ordered, items: [...items] });
export const table = (head: readonly string[], rows: readonly (readonly string[])[]): TrainingBlock => ({
  ...EMPTY,
  isTable: true,
  head: [...head],
  rows: rows.map((r) => [...r]),
});
export const answer = (label: string, lines = 3): TrainingBlock => ({
  ...EMPTY,
  isAnswer: true,
  text: label,
  lines: Array.from({ length: lines }, (_, i) => i),
});
export const questions = (qs: readonly { text: string; because?: string }[]): TrainingBlock => ({
  ...EMPTY,
  isQuestions: true,
  questions: qs.map((q) => ({ text: q.text, because: q.because ?? '', hasBecause: q.because !== undefined && q.because !== '' })),
});

export const section = (heading: string, blocks: TrainingBlock[], isSub = false, newPage = false): TrainingSection => ({ heading, isSub, newPage, blocks });

export const FICTIONAL_NOTICE = 'Training material. Every case, person, place and date in it is fictional.';
