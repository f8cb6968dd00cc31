export default defineAppConfig({
  // 书目, 我的学习 and 学习规则 stay in the main package: members open a book on the way to every chapter,
  // 我的学习 after reading (the weekly target) and the rules from there; together they weigh about
  // 20 KiB, not worth a subpackage download the first time each is opened.
  pages: [
    'pages/index/index',
    'pages/study/index',
    'pages/group/index',
    'pages/me/index',
    'pages/register/index',
    'pages/reader/index',
    'pages/book/index',
    'pages/my-study/index',
    'pages/study-rules/index',
    'pages/weekly/index',
  ],
  // 组织管理 is for 支部管理员 and 组织管理员 only: it loads on demand, outside the main package.
  subPackages: [
    {
      root: 'packageAdmin',
      pages: [
        'pages/index/index',
        'pages/units/index',
        'pages/members/index',
        'pages/member/index',
        'pages/preregister/index',
        'pages/invitations/index',
        'pages/audit/index',
        'pages/content/index',
        'pages/article/index',
        'pages/book/index',
        'pages/chapter/index',
        'pages/outbox/index',
        'pages/weekly/index',
        'pages/weekly-edit/index',
        'pages/weekly-progress/index',
        'pages/score-rules/index',
        'pages/questions/index',
        'pages/question/index',
        'pages/exams/index',
        'pages/exam-edit/index',
      ],
    },
    // 季度通报 and the 学习档案: opened a few times a quarter, from 我的.
    {
      root: 'packageReport',
      pages: ['pages/mine/index', 'pages/unit/index', 'pages/archive/index'],
    },
    // 小组讨论, 学习心得 and 组织生活: a prompt's thread, the leader's tools, the reflections and the meetings open from the 小组 tab.
    {
      root: 'packageGroup',
      pages: [
        'pages/prompt/index',
        'pages/edit/index',
        'pages/nudge/index',
        'pages/reflections/index',
        'pages/reflection-edit/index',
        'pages/meetings/index',
        'pages/meeting/index',
        'pages/meeting-edit/index',
        'pages/meeting-code/index',
      ],
    },
    // 排行榜, 积分规则 and the units' star ratings open now and then from 我的.
    {
      root: 'packageScore',
      pages: ['pages/leaderboard/index', 'pages/rules/index', 'pages/ratings/index', 'pages/points/index'],
    },
    // 在线考核: 每日答题, 错题本, 章节小测 and exams, opened from 首页, a book's chapters and 考试通知; kept out of the main package, which stays
    // within 1.6× a bare Taro app.
    {
      root: 'packageQuiz',
      pages: ['pages/daily/index', 'pages/wrong/index', 'pages/chapter/index', 'pages/exams/index', 'pages/exam/index', 'pages/exam-results/index'],
    },
  ],
  // The reader's listen mode keeps playing with the screen off (getBackgroundAudioManager).
  requiredBackgroundModes: ['audio'],
  // WeChat's 同声传译 reads texts without a recording aloud on the phone; declared only in a build that
  // asks for it (WECHAT_SI=1), since a mini-program whose admin has not added the plugin does not start.
  ...(process.env.WECHAT_SI === '1' ? { plugins: { WechatSI: { version: process.env.WECHAT_SI_VERSION || '0.3.6', provider: 'wx069ba97219f66d99' } } } : {}),
  window: {
    navigationBarTitleText: '学习圈',
    navigationBarBackgroundColor: '#a8201a',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f7f3ec',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#5c5249',
    selectedColor: '#a8201a',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/study/index',
        text: '学习',
        iconPath: 'assets/tabbar/study.png',
        selectedIconPath: 'assets/tabbar/study-active.png',
      },
      {
        pagePath: 'pages/group/index',
        text: '小组',
        iconPath: 'assets/tabbar/group.png',
        selectedIconPath: 'assets/tabbar/group-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png',
      },
    ],
  },
})
