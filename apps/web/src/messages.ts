// Every word the app shows, in one catalog. Plain, warm, short English; no
// medical claims; stop on sharp pain. What the coach *says* during a session
// comes from the protocol and the engine's phrases in @glutewake/core, and so
// do the names the session screens use for the exercise, its wake-up phase
// and its steps ("Lift", "Lower"); the words below fit any exercise.
import type { Balance, Glute, Outcome, Region, Symptom } from '@glutewake/core';

export const messages = {
  appName: 'Glutewake',
  tagline: 'Wake up sleepy glutes, hands-free.',
  nav: { home: 'Home', history: 'History', settings: 'Settings', guide: 'How it works' },
  /** What a lazily loaded screen says while its code loads, or when it cannot. */
  lazyScreen: {
    loading: 'Loading…',
    failed: 'This screen could not load. Please check your connection and try again.',
  },
  firstRun: {
    stepOf: (step: number, of: number) => `Step ${step} of ${of}`,
    next: 'Next',
    back: 'Back',
    skip: 'Skip the guide',
    done: "I'm ready",
    whatTitle: 'Sleepy glutes',
    what: [
      'Sometimes the glutes stop doing their share, and the hamstrings and low back take over.',
      'People often notice it as tired knees, sore feet, cramping hamstrings or a stiff back.',
      'A gentle squeeze, repeated with attention, helps your brain find those muscles again.',
    ],
    safety:
      'Stop at once if anything hurts sharply. If pain keeps coming back, see a health professional.',
    setupTitle: 'Get into position',
    setupFigure:
      'A person lying face down, forehead on stacked hands, knees bent to a right angle, a pillow held between the feet, with the inner heel highlighted.',
    setupNote: 'Squeeze with the inside edge of your heels, not the bottom of them.',
    figureCallout: 'inner heel',
    figureInset: 'from above',
    audioTitle: 'Check your sound',
    audioIntro: 'You will be lying face down, so Glutewake guides you by sound.',
    playTone: 'Play a tone',
    playVoice: 'Play the voice',
    voiceSample: 'Hello. I will count your squeezes and ask where you feel them.',
    noVoice: 'This device has no voice available, so tones will guide you. That works fine.',
    answerTitle: 'Answer without looking',
    answers: [
      ['Tap anywhere', 'on the screen, or press Space, when you feel it.'],
      [
        'Number keys',
        '1 inner thighs, 2 hamstrings, 3 low back, 4 left glute, 5 right glute, 0 nothing yet. Enter sends.',
      ],
      [
        'Headset button',
        'one press: both glutes. Next track: right glute. Previous track: left glute.',
      ],
      [
        'Your voice',
        'where your browser allows it: say "left", "right", "both", "thighs", "hamstrings" or "nothing".',
      ],
    ] as const,
  },
  home: {
    start: 'Start session',
    resume: 'Resume session',
    resumeDetail: (where: string) => `Your session is paused at ${where}.`,
    lastSession: 'Last session',
    noSessions: 'No sessions yet. Your first one takes about ten minutes.',
    firedAt: (side: 'left' | 'right', rep: number | null) => {
      const name = side === 'left' ? 'Left glute' : 'Right glute';
      return rep === null ? `${name}: not yet` : `${name} fired at rep ${rep}`;
    },
    storageWarning: (waiting: number) =>
      `Storage on this device is full. ${waiting} events are kept in memory only: free some space before you close the app.`,
  },
  whereItStands: {
    wakeUpRep: (rep: number) => `wake-up rep ${rep}`,
    setRep: (set: number, of: number, rep: number) => `set ${set} of ${of}, rep ${rep}`,
    checkIn: 'a check-in',
    start: 'the start',
  },
  session: {
    wakeUp: 'Wake-up',
    warmUp: 'Warm-up',
    setOf: (set: number, of: number) => `Set ${set} of ${of}`,
    withLeg: (setOf: string, side: Glute) => `${setOf} · ${side === 'left' ? 'Left' : 'Right'} leg`,
    getReady: 'Get into position',
    bridgeFigure:
      'A person lying on their back, head and shoulders on the floor, knees bent and feet flat, hips lifted so knees, hips and shoulders make one line, with the glutes highlighted.',
    youNeed: (things: readonly string[]) => `You need: ${things.join('; ')}.`,
    rep: 'Rep',
    of: (total: number) => `of ${total}`,
    upTo: (cap: number) => `up to ${cap}`,
    nextCheckIn: 'Next check-in',
    restLeft: 'Rest',
    timeLeft: 'Time left',
    steps: {
      speech: 'Listen',
      rest: 'Rest',
      'count-in': 'Get ready',
      squeeze: 'Squeeze',
      hold: 'Hold',
      release: 'Release',
      recover: 'Relax',
      question: 'Check-in',
      'await-answer': 'Where do you feel it?',
      farewell: 'Well done',
      end: 'Done',
    },
    feelItNow: 'I feel it now',
    tapHint: 'Tap anywhere or press Space when you feel it',
    pause: 'Pause',
    resume: 'Resume',
    stop: 'Stop session',
    confirmStop: 'Stop this session? What you did so far is kept.',
    confirmStopYes: 'Yes, stop',
    confirmStopNo: 'Keep going',
    paused: 'Paused',
    pausedDetail: 'Take your time. Press Resume when you are back in position.',
    saving: 'Saving…',
    saveFailed: 'Could not save that on this device. Please try again.',
  },
  checkIn: {
    question: 'Where do you feel it?',
    afterSet: 'Where did you feel that set?',
    afterLeg: 'Where did you feel that leg?',
    balanceQuestion: 'Was one side stronger?',
    nothingYet: 'Nothing yet',
    send: 'Send answer',
    cancel: 'Cancel',
    chooseHint: 'Choose all that apply, then send.',
    timeLeft: (seconds: number) => `${seconds} s to answer`,
  },
  regions: {
    thighs: 'Inner thighs',
    hamstrings: 'Hamstrings',
    back: 'Low back',
    left: 'Left glute',
    right: 'Right glute',
    none: 'Nothing yet',
  } satisfies Record<Region, string>,
  balances: {
    'left-stronger': 'Left stronger',
    even: 'Even',
    'right-stronger': 'Right stronger',
  } satisfies Record<Balance, string>,
  end: {
    title: {
      activated: 'Both glutes woke up',
      'one-side': 'One glute woke up',
      'not-yet': 'Not yet today',
      stopped: 'Session stopped',
      completed: 'All sets done',
    } satisfies Record<Outcome, string>,
    encouragement: {
      activated: 'Great work. Three sets like these help the message stick.',
      'one-side': 'The other side often joins in a later session. Keep practising.',
      'not-yet': 'Glutes can take a few sessions to wake up. Come back tomorrow.',
      stopped: 'Thanks for practising. Every session counts.',
      completed: 'Great work.',
    } satisfies Record<Outcome, string>,
    firedAt: (side: string, rep: number | null) =>
      rep === null ? `${side}: not yet` : `${side}: rep ${rep}`,
    compared: (delta: number) =>
      delta === 0
        ? 'same as last time'
        : delta < 0
          ? `${-delta} sooner than last time`
          : `${delta} later than last time`,
    sets: (sets: readonly number[]) =>
      sets.length === 0 ? 'No work sets' : `Sets: ${sets.join(' + ')} reps`,
    setsOnLeg: (side: Glute, sets: readonly number[]) =>
      `${side === 'left' ? 'Left' : 'Right'} leg: ${sets.length === 0 ? 'no sets' : `${sets.join(' + ')} reps`}`,
    warmUp: {
      title: 'Warm-up done',
      lead: (name: string) =>
        `Nice work. Get into position for ${name.toLowerCase()}, then tap the button when you're ready.`,
      goOn: (name: string) => `Start ${name.toLowerCase()}`,
      finish: 'Finish for today',
      startFailed: 'Could not start that session. Please try again.',
    },
    symptomsTitle: 'How is your body today?',
    symptomsHint: 'From 0 (none) to 10 (worst). Leave at None if you have none.',
    none: 'None',
    note: 'A note for yourself (optional)',
    save: 'Save and finish',
    saved: 'Saved.',
    done: 'Back to home',
  },
  symptoms: {
    knee: 'Knee pain',
    foot: 'Foot pain',
    hamstringCramping: 'Hamstring cramping',
    backStiffness: 'Back stiffness',
  } satisfies Record<Symptom, string>,
  history: {
    title: 'Your sessions',
    empty: 'No sessions yet.',
    inProgress: 'In progress',
    wakeUpReps: (reps: number) => `${reps} wake-up reps`,
  },
  settings: {
    title: 'Settings',
    hold: 'Hold each squeeze',
    seconds: (s: number) => `${s} s`,
    rest: 'Rest between sets',
    checkInEvery: 'Check in every',
    reps: (n: number) => `${n} reps`,
    voice: 'Voice',
    voiceOn: 'Speak cues and counts',
    voiceChoice: 'Voice to use',
    bestVoice: 'Best available',
    noVoices: 'No voices on this device: tones only.',
    counts: 'Count reps out loud',
    volume: 'Volume',
    voiceAnswers: 'Answer by voice (your browser may send the audio to its speech service)',
    saved: 'Saved',
  },
  errors: {
    storageFull:
      'This device is out of storage, so the session cannot be saved. Free some space, then try again.',
    storageFullKept: 'Everything you logged before stays on this device.',
    storageFullUnsynced: (events: number) =>
      events === 0
        ? 'Everything you logged before is safe on your clinic’s server.'
        : `${events === 1 ? '1 event has' : `${events} events have`} not reached your clinic’s server yet; they stay on this device.`,
    noStorage:
      'This browser cannot store sessions here (private mode?). Sessions will not be saved.',
    generic: 'Something went wrong. Your saved sessions are safe.',
  },
} as const;

export type Messages = typeof messages;
