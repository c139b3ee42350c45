package org.manyi.identity.internal;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.manyi.identity.Role;
import org.manyi.platform.DemoContext;
import org.manyi.platform.DemoDataContributor;
import org.springframework.stereotype.Component;

/**
 * Demo teams and staff of a Chinese retail company. Demo users get a random password nobody knows:
 * they exist to own customers and cases; an admin can set a password to sign in as one.
 */
@Component
class IdentityDemoData implements DemoDataContributor {

  private static final List<String> TEAMS =
      List.of("华东销售一组", "华东销售二组", "华南销售组", "华北销售组", "客服中心", "会员运营部", "数据分析组");

  private static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗",
    "高"
  };
  private static final String[] GIVEN = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "欣怡",
    "子涵", "浩然", "宇轩", "梓萱", "思远", "雨桐"
  };

  private final UserManagement users;

  IdentityDemoData(UserManagement users) {
    this.users = users;
  }

  @Override
  public String name() {
    return "identity";
  }

  @Override
  public int order() {
    return 0;
  }

  @Override
  public void contribute(DemoContext context) {
    Random random = context.random();
    int staff = Math.max(12, context.customers() / 40);
    for (String team : TEAMS) {
      if (users.teams().stream().noneMatch(t -> t.name().equals(team))) {
        users.createTeam(team);
      }
    }
    for (int i = 1; i <= staff; i++) {
      String team = TEAMS.get(i % TEAMS.size());
      Role role = roleFor(team, i);
      String username = "demo%03d".formatted(i);
      if (users.byUsername(username).isPresent()) {
        continue;
      }
      users.create(
          new UserManagement.NewUser(
              username,
              SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)],
              username + "@demo.manyi.example",
              Set.of(role),
              team,
              FirstAdmin.generate()));
    }
    context.job().message("identity: " + TEAMS.size() + " teams, " + staff + " staff");
  }

  private static Role roleFor(String team, int i) {
    if (i <= TEAMS.size()) {
      return Role.MANAGER; // the first member of each team leads it
    }
    return switch (team) {
      case "会员运营部" -> Role.MARKETER;
      case "数据分析组" -> Role.ANALYST;
      default -> Role.AGENT;
    };
  }
}
