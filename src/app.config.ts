export default defineAppConfig({
  pages: ['pages/index/index', 'pages/study/index', 'pages/group/index', 'pages/me/index', 'pages/register/index'],
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
      ],
    },
  ],
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
