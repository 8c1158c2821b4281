package org.linli.e2e.demo;

import java.util.List;

/** Made-up Chinese personal names, repeatable from a number. */
final class Names {

    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡");
    private static final List<String> GIVEN = List.of("建国", "秀英", "志强", "丽华", "国庆", "桂兰", "海燕", "明", "伟", "芳", "静", "军", "磊", "洋", "敏");

    private Names() {
    }

    static String person(int n) {
        return SURNAMES.get(Math.floorMod(n, SURNAMES.size())) + GIVEN.get(Math.floorMod(n / SURNAMES.size() + n, GIVEN.size()));
    }
}
