package org.linli.e2e.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.linli.e2e.client.Box;

/**
 * The demo county as the loader lays it out and fills in the ids the services answer, so every
 * later step (and the printed summary) uses ids that exist: a compound's grid is a real grid, an
 * issue's compound a real compound.
 *
 * <p>The map: communities are 0.012° squares in rows of seven, 0.002° apart, south-west of
 * Xiangcheng (31.95° N, 112.05° E); a community's grid branches are columns of its square (level-2
 * grids) and their micro-grids are rows of a column, so grids nest exactly and siblings only touch.
 */
final class County {

    /** The south-west corner; {@code -Dlinli.demo.origin-lat} moves it (to load a second county beside a first). */
    static final double ORIGIN_LAT = Double.parseDouble(System.getProperty("linli.demo.origin-lat", "31.95"));
    static final double ORIGIN_LNG = 112.05;
    static final double COMMUNITY_SIZE = 0.012;
    static final double COMMUNITY_STEP = 0.014;
    static final int COMMUNITIES_PER_ROW = 7;

    final CountySize size;
    final List<Street> streets = new ArrayList<>();
    final List<Community> communities = new ArrayList<>();
    final List<Company> companies = new ArrayList<>();
    final List<Company> stateCompanies = new ArrayList<>();
    String industryCommitteeId;

    County(CountySize size) {
        this.size = size;
    }

    List<Branch> branches() {
        return communities.stream().flatMap(c -> c.branches.stream()).toList();
    }

    List<Micro> micros() {
        return communities.stream().flatMap(c -> c.micros().stream()).toList();
    }

    List<Compound> compounds() {
        return micros().stream().flatMap(m -> m.compounds.stream()).toList();
    }

    static final class Street {
        final int number;
        final String name;
        String unitId;

        Street(int number, String name) {
            this.number = number;
            this.name = name;
        }
    }

    static final class Community {
        final int number;
        final Street street;
        final String name;
        final Box box;
        final List<Branch> branches = new ArrayList<>();
        String unitId;
        String gridId;

        Community(int number, Street street, String name) {
            this.number = number;
            this.street = street;
            this.name = name;
            int row = (number - 1) / COMMUNITIES_PER_ROW;
            int column = (number - 1) % COMMUNITIES_PER_ROW;
            this.box = Box.at(ORIGIN_LAT + row * COMMUNITY_STEP, ORIGIN_LNG + column * COMMUNITY_STEP, COMMUNITY_SIZE);
        }

        List<Micro> micros() {
            return branches.stream().flatMap(b -> b.micros.stream()).toList();
        }
    }

    static final class Branch {
        final Community community;
        final int number;
        final Box box;
        final List<Micro> micros = new ArrayList<>();
        final List<String> groupIds = new ArrayList<>();
        String unitId;
        String gridId;

        Branch(Community community, int number, Box box) {
            this.community = community;
            this.number = number;
            this.box = box;
        }

        String name() {
            return community.name + "第" + number + "网格";
        }
    }

    static final class Micro {
        final Branch branch;
        final int number;
        final Box box;
        final List<Compound> compounds = new ArrayList<>();
        String gridId;
        String workerAppointmentId;

        Micro(Branch branch, int number, Box box) {
            this.branch = branch;
            this.number = number;
            this.box = box;
        }

        String name() {
            return branch.name() + "第" + number + "微网格";
        }
    }

    static final class Compound {
        final Micro micro;
        final String name;
        final double lat;
        final double lng;
        String id;
        Company company;
        /** The first day of its company's contract ({@code null} without one). */
        LocalDate contractStartsOn;
        String mode;
        String buildingId;

        Compound(Micro micro, String name, double lat, double lng) {
            this.micro = micro;
            this.name = name;
            this.lat = lat;
            this.lng = lng;
        }
    }

    record Company(String id, String name, String creditCode) {
    }
}
