/**
 * Row shapes of the standard datasets as the core sees them: plain objects with camelCase keys,
 * missing codes already turned into null by the loaders in src/data. Column meanings are in each
 * dataset's README and codebook from its publisher (src/data/registry.ts). Only types live here (pure).
 */

/** COW inter-state war data v4.0: one state participation. */
export type CowInterstateRow = {
  warNum: number;
  warName: string;
  warType: number | null;
  ccode: number;
  stateName: string;
  side: number | null;
  startYear1: number | null;
  startMonth1: number | null;
  startDay1: number | null;
  endYear1: number | null;
  endMonth1: number | null;
  endDay1: number | null;
  startYear2: number | null;
  startMonth2: number | null;
  startDay2: number | null;
  endYear2: number | null;
  endMonth2: number | null;
  endDay2: number | null;
  whereFought: number | null;
  initiator: number | null;
  outcome: number | null;
  batDeath: number | null;
};

/** COW intra-state war data v4.1: one side-A / side-B pairing. */
export type CowIntrastateRow = Omit<
  CowInterstateRow,
  'ccode' | 'stateName' | 'side' | 'initiator' | 'batDeath'
> & {
  ccodeA: number | null;
  sideA: string | null;
  ccodeB: number | null;
  sideB: string | null;
  intnl: number | null;
  initiator: string | null;
  sideADeaths: number | null;
  sideBDeaths: number | null;
};

/** COW extra-state war data v4.0: one state participant. */
export type CowExtrastateRow = Omit<CowInterstateRow, 'ccode' | 'stateName' | 'side'> & {
  ccode1: number | null;
  sideA: string | null;
  ccode2: number | null;
  sideB: string | null;
  nonStateDeaths: number | null;
};

/** UCDP/PRIO Armed Conflict Dataset v25.1: one conflict-year. */
export type UcdpAcdRow = {
  conflictId: number;
  location: string;
  sideA: string;
  sideA2nd: string | null;
  sideB: string;
  sideB2nd: string | null;
  incompatibility: number | null;
  territoryName: string | null;
  year: number;
  intensityLevel: number | null;
  typeOfConflict: number | null;
  startDate: string | null;
  startPrec: number | null;
  startDate2: string | null;
  startPrec2: number | null;
  epEnd: number | null;
  epEndDate: string | null;
  region: string | null;
};

/** UCDP Conflict Termination v3-2021, conflict level: one conflict-year with episode ids. */
export type UcdpTerminationRow = {
  conflictepId: number;
  conflictEpisode: number | null;
  typeOfConflict2: number | null;
  confterm: number | null;
  ependdate: string | null;
  ependprec: number | null;
  /** 1 peace agreement, 2 ceasefire, 3 victory side A, 4 victory side B, 5 low activity, 6 actor ceased. */
  outcome: number | null;
  recur: number | null;
  conflictId: number;
  year: number;
  location: string;
  sideA: string;
  sideB: string;
  incompatibility: number | null;
  intensityLevel: number | null;
  typeOfConflict: number | null;
  startDate: string | null;
  startDate2: string | null;
  region: string | null;
};

/** UCDP Conflict Termination v3-2021, dyad level: one dyad-year. */
export type UcdpDyadTerminationRow = {
  dyadepId: number;
  dyadEpisode: number | null;
  dyadterm: number | null;
  ependdate: string | null;
  outcome: number | null;
  cfiredate: string | null;
  peagdate: string | null;
  conflictId: number;
  dyadId: number;
  year: number;
  sideA: string;
  sideB: string;
  incompatibility: number | null;
  typeOfConflict: number | null;
  region: string | null;
};

/** ICB v14 crisis level (icb1): one international crisis. */
export type IcbCrisisRow = {
  crisno: number;
  crisname: string;
  yrtrig: number | null;
  motrig: number | null;
  yrterm: number | null;
  moterm: number | null;
  /** duration in days from trigger to termination */
  brexit: number | null;
  /** 1 no violence, 2 minor clashes, 3 serious clashes, 4 full-scale war */
  viol: number | null;
  sevviosy: number | null;
  gpinv: number | null;
  /** 4 = mediation took place; 1-3 = no mediation (see the codebook) */
  mediate: number | null;
  medwho: number | null;
  /** 2 facilitation, 3 formulation, 4 manipulation (1 = no mediation) */
  medstyle: number | null;
  medefct: number | null;
  /** form of outcome, 1-7 (1 formal agreement, see codebook) */
  forout: number | null;
  period: number | null;
  protrac: number | null;
};

/** ETH/PRIO civil conflict ceasefires 1989-2020: one ceasefire declaration by one actor. */
export type CeasefireRow = {
  /** country code * 1000 + running number: identifies one ceasefire (rows are per declaring actor) */
  uniqId: number;
  cfId: number;
  location: string;
  region: number | null;
  ucdpAcdId: number | null;
  ucdpDyad: number | null;
  paxId: number | null;
  cfDecYr: number | null;
  cfDecMonth: number | null;
  cfDecDay: number | null;
  partial: number | null;
  written: number | null;
  pPeaceprocess: number | null;
  pHumanitarian: number | null;
  /** 1 a mediator helped negotiate it, 0 no, null unknown */
  mediatorNego: number | null;
  mediatorSend: string | null;
  ended: number | null;
  endYr: number | null;
  endMonth: number | null;
  endDay: number | null;
  truce: number | null;
};

/** Civil Wars Mediation (CWM) extract: one civil-war episode or mediation spell. */
export type CwmRow = {
  country: string;
  sideA: string;
  sideB: string;
  /** 1 mediated, 0 not, null unknown */
  mediated: number | null;
  yearTerm: number | null;
  incompatibility: number | null;
  territory: string | null;
  episodeStart: string | null;
  episodeEnd: string | null;
  medBegins: string | null;
  medEnds: string | null;
  thirdParty: string | null;
  regionalOrg: number | null;
};

/** Everything the dataset-based insights may use; each table is optional (absent = skipped). */
export type Datasets = {
  'cow-interstate'?: CowInterstateRow[];
  'cow-intrastate'?: CowIntrastateRow[];
  'cow-extrastate'?: CowExtrastateRow[];
  'ucdp-acd'?: UcdpAcdRow[];
  'ucdp-termination'?: UcdpTerminationRow[];
  'ucdp-termination-dyad'?: UcdpDyadTerminationRow[];
  'icb-crises'?: IcbCrisisRow[];
  ceasefires?: CeasefireRow[];
  cwm?: CwmRow[];
};

/** PA-X v2: one agreement, with the provision codes the provision families read (src/history/provisions). */
export type PaxAgreementRow = {
  agtId: number;
  agt: string;
  dat: string | null;
  con: string;
  /** conflict type: Government, Territory, Government/territory, Inter-group, Other */
  contp: string | null;
  ppName: string | null;
  pp: number | null;
  reg: string | null;
  /** Intra, Inter, InterIntra, IntraLocal */
  agtp: string | null;
  /** Pre, Cea, SubPar, SubComp, Imp, Ren, Oth */
  stage: string | null;
  status: string | null;
  /** UCDP conflict id (null when PA-X gives none or NA) */
  ucdpCon: number | null;
  /** UCDP Peace Agreement Dataset id (null when PA-X links none) */
  ucdpAgr: number | null;
  /** provision code → value (0 = not mentioned) */
  codes: Record<string, number | null>;
};

/** UCDP Peace Agreement Dataset v22.1: one agreement and whether it ended. */
export type UcdpPeaceAgreementRow = {
  paid: number;
  paDate: string | null;
  /** true = UCDP records the agreement as terminated; null = not recorded as ended */
  ended: boolean | null;
  /** date the agreement ended, when it did */
  duration: string | null;
};
