package org.linli.e2e.demo;

import java.util.List;
import org.linli.e2e.client.Box;
import org.linli.e2e.demo.County.Branch;
import org.linli.e2e.demo.County.Community;
import org.linli.e2e.demo.County.Compound;
import org.linli.e2e.demo.County.Micro;
import org.linli.e2e.demo.County.Street;

/** Lays the county out from its size, before any request: names, squares, and how many of each go where. */
final class Layout {

    static final List<String> STREETS = List.of("真武山街道", "庞公街道", "古城街道", "檀溪街道", "余家湖街道", "尹集乡", "卧龙镇");
    private static final List<String> COMPOUND_NAMES = List.of("锦园", "华府", "花园", "新村", "家园", "雅苑", "名都", "小区");

    private Layout() {
    }

    static County of(CountySize size) {
        County county = new County(size);
        for (int s = 0; s < size.streets(); s++) {
            county.streets.add(new Street(s + 1, STREETS.get(s)));
        }
        int number = 1;
        for (int s = 0; s < size.streets(); s++) {
            Street street = county.streets.get(s);
            for (int c = 0; c < CountySize.share(size.communities(), size.streets(), s); c++, number++) {
                county.communities.add(new Community(number, street, street.name.replaceAll("[街道乡镇]+$", "") + "第" + (c + 1) + "社区"));
            }
        }
        int branchIndex = 0;
        for (int c = 0; c < county.communities.size(); c++) {
            Community community = county.communities.get(c);
            int branches = CountySize.share(size.branches(), size.communities(), c);
            List<Box> columns = community.box.columns(branches);
            for (int b = 0; b < branches; b++, branchIndex++) {
                Branch branch = new Branch(community, b + 1, columns.get(b));
                community.branches.add(branch);
                int micros = CountySize.share(size.microGrids(), size.branches(), branchIndex);
                List<Box> rows = branch.box.rows(micros);
                for (int m = 0; m < micros; m++) {
                    branch.micros.add(new Micro(branch, m + 1, rows.get(m)));
                }
            }
        }
        List<Micro> micros = county.micros();
        for (int m = 0; m < micros.size(); m++) {
            Micro micro = micros.get(m);
            int compounds = CountySize.share(size.compounds(), micros.size(), m);
            List<Box> places = micro.box.inset(0.15).columns(compounds);
            for (int i = 0; i < compounds; i++) {
                String name = micro.branch.community.name.replace("社区", "") + COMPOUND_NAMES.get((m + i) % COMPOUND_NAMES.size())
                        + (m + 1) + (compounds > 1 ? "-" + (i + 1) : "") + "期";
                micro.compounds.add(new Compound(micro, name, places.get(i).centreLat(), places.get(i).centreLng()));
            }
        }
        return county;
    }
}
