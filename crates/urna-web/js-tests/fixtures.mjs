// Shared inputs of the tests.

/** 2·G (RFC 9496 A.1): an election key whose secret, 2, the tests know, so they can decrypt. */
export const TWO_G = '6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919';

/** Election parameters (record-format §3) with one question of each ballot type. */
export function mixedParams() {
  return {
    election_id: 'board-2027',
    setup: '11'.repeat(32),
    public_key: TWO_G,
    questions: [
      { id: 'chair', ballot_type: 'choose_one', min: 0, max: 1, options: ['ana', 'ben', 'cy'] },
      { id: 'panel', ballot_type: 'approval', min: 2, max: 3, options: ['p', 'q', 'r', 's'] },
      { id: 'budget', ballot_type: 'score', min: -1, max: 1, options: ['x', 'y'] },
    ],
  };
}
