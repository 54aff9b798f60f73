// Ten Word submissions (.docx) with the habits units have — centred or styled titles, a title broken
// before its —— subtitle, typed indents, empty paragraphs, bold and 黑体 leads, typed and automatic
// heading numbers, every form of attribution — for the import benchmark and for trying the command.
// Usage: node bench/gen-submissions.mjs <folder>
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';

const BODY = { eastAsia: '仿宋_GB2312' };
const r = (text, o = {}) => new TextRun({ text, font: BODY, size: 32, ...o });
const b = (text) => r(text, { bold: true });
const h = (text) => r(text, { font: { eastAsia: '黑体' } });
const p = (c, o = {}) => new Paragraph({ children: typeof c === 'string' ? [r(c)] : c, ...o });
const e = () => new Paragraph({ children: [] });
const t = (text, sub) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new TextRun({ text, font: { eastAsia: '方正小标宋简体' }, size: 44 }),
      ...(sub ? [new TextRun({ text: sub, font: { eastAsia: '方正小标宋简体' }, size: 44, break: 1 })] : []),
    ],
  });
const n = (text, level) =>
  new Paragraph({ numbering: { reference: 'cn', level }, children: [level === 0 ? h(text) : r(text, { font: { eastAsia: '楷体_GB2312' } })] });
const right = (text) => p(text, { alignment: AlignmentType.RIGHT });
const NUMBERING = {
  config: [
    {
      reference: 'cn',
      levels: [
        { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
        { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
        { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
      ],
    },
  ],
};

export const SUBMISSIONS = {
  'tianyuan-xiaoyuan': [
    t('天元区推行“小院议事”', '——打通服务群众“最后一米”'),
    e(),
    p('　　今年以来，天元区在城市社区推行“小院议事”机制，把议事桌搬到楼栋院落，让居民的事由居民商量着办，累计协商解决停车、加装电梯、环境整治等问题310余件。'),
    e(),
    n('主要做法', 0),
    n('建好议事平台', 1),
    p([r('　　'), b('搭建议事阵地。'), r('各社区利用楼栋架空层、小区凉亭等空间建成议事点42个，统一标识、统一制度，做到有场地、有人员、有台账。')]),
    p([r('　　'), b('明确议事规则。'), r('按照“居民提事、党员议事、集体定事、合力办事、群众评事”五步推进，议事结果在小区公示栏和业主群同步公开。')]),
    n('选好议事代表', 1),
    p('　　每个议事点由社区“两委”成员、楼栋长、党员中心户和物业代表组成议事小组，其中党员占比不低于60%，确保议事有方向、办事有力量。'),
    n('取得成效', 0),
    p('　　全区居民对社区服务的满意率达到96.3%，涉及物业的投诉同比下降21.5%，一批多年未解决的“老大难”问题得到妥善处理。'),
    p('（执笔：张　敏　刘　洋）'),
    p('（供稿单位：天元区委组织部）'),
  ],
  'lusong-shangquan': [
    t('芦淞区服装商圈党建激活“红色引擎”'),
    p('　　芦淞区立足服装商贸集聚优势，在市场群成立商圈党委，把分散在各市场的党员商户组织起来，推动党建与经营互融互促。'),
    p([h('强化组织覆盖'), r('。按照“一个市场一个支部”的思路，新建市场党支部17个，选派党建指导员34名，实现商圈党的组织全覆盖。')]),
    p([h('强化服务保障'), r('。设立商圈党群服务中心，开设政策咨询、法律服务、纠纷调解等窗口，今年累计服务商户5600余人次。')]),
    p([h('强化示范带动'), r('。开展党员商户“亮身份、亮承诺、亮服务”活动，评选诚信经营示范户120户，带动商圈营商环境持续改善。')]),
    p('（芦淞区委组织部供稿）'),
  ],
  'hetang-wangge': [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('荷塘区党建引领网格化治理提质增效')] }),
    p('    荷塘区老旧小区多、流动人口多，基层治理任务繁重。区委坚持以党建引领网格化治理，推动组织体系向网格延伸、服务触角向网格拓展。'),
    p('一、织密网格组织体系', { heading: HeadingLevel.HEADING_1 }),
    p('    全区划分综合网格486个、专属网格73个，构建街道党工委、社区党组织、网格党支部、楼栋党小组、党员中心户五级组织链条。'),
    p('二、提升网格治理效能', { heading: HeadingLevel.HEADING_1 }),
    p('    依托城市运行管理平台开发“荷塘e网格”，网格员发现问题一键上报，平台自动分派至责任单位，日均流转处置网格事件60余件。'),
    p('供稿：荷塘区委组织部'),
  ],
  'shifeng-xiangmu': [
    t('石峰区以“项目化”推动机关党建与业务深度融合'),
    e(),
    p([
      r('　　石峰区把机关党建工作转化为具体项目，以项目为载体推动党建与业务同谋划、同部署、同落实。'),
      r('全区共立项机关党建项目56个，已完成43个。', { break: 1 }),
      r('　　项目实行“书记领题、支部立项、党员攻坚”，每季度开展一次评比，评比结果纳入年度考核。', { break: 1 }),
    ]),
    p('（供稿单位：石峰区委组织部）'),
  ],
  'lukou-rencai': [
    t('渌口区“三链融合”打造人才集聚高地'),
    p('　　渌口区围绕产业链布局人才链、创新链，今年以来引进各类人才1260名，其中高层次人才87名。'),
    p([b('以产聚才。'), r('聚焦先进制造、现代农业等主导产业，编制急需紧缺人才目录，精准开展招才引智活动18场。')]),
    p([b('以才兴产。'), r('建立“人才+项目”对接机制，推动42名科技人才与企业结对，帮助企业解决技术难题65个。')]),
    p('（供稿单位：渌口区委组织部、渌口区人才工作服务中心）'),
  ],
  'liling-taoci': [
    t('醴陵市“陶瓷产业链党建”助力产业转型升级'),
    p('　　醴陵市在陶瓷产业链上成立联合党委，把链上企业、行业协会、科研院所党组织联结起来，协调解决用工、融资、物流等难题46个，推动产业链延链补链强链。'),
    right('醴陵市委组织部'),
    right('2026年3月5日'),
  ],
  'youxian-jiti': [
    t('攸县“三个一批”壮大村级集体经济'),
    p('　　攸县坚持因村施策、分类指导，推动村级集体经济提质增效。'),
    p([h('一、盘活一批闲置资产')]),
    p('　　全县清理闲置校舍、厂房等资产320处，通过租赁、入股等方式盘活，年增收600余万元。'),
    p([h('二、培育一批特色产业')]),
    p('　　依托油茶、大米等特色资源，发展村级产业项目85个，带动3000余户农户增收。'),
    p('（攸县县委组织部供稿）'),
  ],
  'chaling-yizhan': [
    t('茶陵县“红色驿站”让党员服务下沉一线'),
    p('　　茶陵县在村口、路口和园区门口建设“红色驿站”58个，每个驿站都有党员轮流值守，为群众提供政策咨询、代办帮办等服务，累计服务群众1.6万人次。'),
    p('（供稿单位：茶陵县委组织部）'),
  ],
  'yanling-jifen': [
    t('炎陵县推行“积分制”激发农村党员干事热情'),
    e(),
    p('　　炎陵县在全县农村推行党员积分管理，积分分为基础分和贡献分两类，按月公示、按年评定。'),
    e(),
    p('　　今年以来，全县农村党员参与志愿服务1.2万人次，领办实事项目436个。'),
    e(),
    p('（供稿单位：炎陵县组织部）'),
  ],
  'ganbu-peixun': [
    t('市委组织部干部一科扎实开展年轻干部“墩苗”培养'),
    p('　　去年以来，市委组织部有计划地选派年轻干部到乡镇、园区和信访、应急等一线岗位“墩苗”历练，首批选派68名，期限一至两年。'),
    p([b('精准选派。'), r('结合干部专业背景和成长需要，“一人一策”确定历练岗位，避免“镀金”式挂职。')]),
    p([b('跟踪管理。'), r('建立“墩苗”干部成长档案，每半年开展一次实地考察，考察结果作为选拔任用的重要依据。')]),
    p('（供稿单位：市委组织部干部一科）'),
  ],
};

export async function writeSubmissions(dir) {
  mkdirSync(dir, { recursive: true });
  for (const [name, children] of Object.entries(SUBMISSIONS))
    writeFileSync(path.join(dir, `${name}.docx`), await Packer.toBuffer(new Document({ numbering: NUMBERING, sections: [{ children }] })));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await writeSubmissions(process.argv[2] ?? 'submissions');
