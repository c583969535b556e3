/**
 * A small 直辖市 regulation written for the browser test (no real text is copied): 市人民政府
 * (provincial level in a 直辖市) and 区人民政府 (county level) duties, a paragraph without a
 * subject (inferred from 第三条, flagged 待确认主体), a definition and a 法律责任 chapter. The
 * second version rewords 第五条, adds an article after it (so the old 第六条 onwards move by
 * one) and otherwise keeps the wording.
 */
export const SECOND_REGULATION_CODE = 'shanghai-jiayi';
export const SECOND_REGULATION_TITLE = '上海市甲乙条例';

const head = [
  SECOND_REGULATION_TITLE,
  '第一章　总则',
  '第一条　为了规范本市甲乙事务管理，促进甲乙事业健康发展，根据有关法律、行政法规，结合本市实际，制定本条例。',
  '第二条　本条例所称甲乙事务，是指本市行政区域内与甲乙设施规划、建设和维护有关的公共事务。',
  '第三条　市人民政府应当加强对全市甲乙工作的领导，建立甲乙工作协调机制，将甲乙事业发展纳入国民经济和社会发展规划。',
  '区人民政府负责本行政区域内的甲乙工作，保障所需经费。',
  '第四条　市甲乙设施管理部门负责组织编制全市甲乙设施专项规划，并组织实施。',
];

const article5V1 = '第五条　应当建立甲乙设施信息公开制度，每年向社会公布甲乙设施的建设和维护情况。';
const article5V2 =
  '第五条　应当建立甲乙设施信息公开和社会监督制度，每季度向社会公布甲乙设施的建设、维护和检查情况，接受公众监督。';
const addedArticle =
  '第六条　区人民政府应当每年组织开展甲乙设施安全检查，对发现的问题督促责任单位限期整改。';

const tail = (first: number) => {
  const n = (k: number) => ['六', '七', '八', '九', '十'][first - 6 + k];
  return [
    `第${n(0)}条\u3000鼓励社会资本参与甲乙设施的建设和运营。`,
    '第二章　法律责任',
    `第${n(1)}条\u3000违反本条例规定，擅自占用甲乙设施的，由区住房和城乡建设管理部门责令改正，处五千元以上五万元以下罚款。`,
    `第${n(2)}条\u3000国家机关工作人员在甲乙工作中滥用职权、玩忽职守的，依法给予处分；构成犯罪的，依法追究刑事责任。`,
    '第三章　附则',
    `第${n(3)}条\u3000本条例自2027年1月1日起施行。`,
  ];
};

/** Version 1: 第一条 … 第九条. */
export const SECOND_REGULATION_V1 = [...head, article5V1, ...tail(6)].join('\n');

/** Version 2: 第五条 reworded, a new 第六条, 第六条–第九条 renumbered 第七条–第十条. */
export const SECOND_REGULATION_V2 = [...head, article5V2, addedArticle, ...tail(7)].join('\n');
