'use client';

import dynamic from 'next/dynamic';

// Each step's controls as a chunk of its own, loaded by the page that shows that step. The
// bundler puts every client component a page imports into that page's first load, whichever
// step it renders; a dynamic import from a client module is what it splits off.
export const ApologyStep = dynamic(() => import('./apology-step').then((module) => module.ApologyStep));
export const CallStep = dynamic(() => import('./call-step').then((module) => module.CallStep));
export const DismissMessageButton = dynamic(() =>
  import('./dismiss-message-button').then((module) => module.DismissMessageButton),
);
export const FollowUpPanel = dynamic(() => import('./follow-up-panel').then((module) => module.FollowUpPanel));
export const LessonStep = dynamic(() => import('./lesson-step').then((module) => module.LessonStep));
export const MessageWorkspace = dynamic(() => import('./message-workspace').then((module) => module.MessageWorkspace));
export const OutcomeStep = dynamic(() => import('./outcome-step').then((module) => module.OutcomeStep));
export const PrepStep = dynamic(() => import('./prep-step').then((module) => module.PrepStep));
export const NoShowFindingButtons = dynamic(() =>
  import('./no-show-finding-buttons').then((module) => module.NoShowFindingButtons),
);
export const NoShowNote = dynamic(() => import('./no-show-note').then((module) => module.NoShowNote));
export const NoShowOutcomeForm = dynamic(() =>
  import('./no-show-outcome-form').then((module) => module.NoShowOutcomeForm),
);
