import sys,collections
frames=['org/openrma/policy/eval/Evaluator.decide','org/openrma/policy/eval/Programs.runAll','org/openrma/policy/eval/Dates.dates','org/openrma/policy/eval/Refunds.net','org/openrma/policy/eval/Refunds.shippingShare','org/openrma/claim/Order.merchandiseTotalMinor','org/joda/money/Money.isPositive','java/util/TreeMap.getEntry','org/openrma/policy/PolicyCatalog.versions','org/openrma/policy/eval/Offers.offer','org/openrma/policy/eval/Shipping.legs','org/openrma/decision/Decision.<init>']
for path in sys.argv[1:]:
    inc=collections.Counter(); T=0
    for line in open(path):
        st,_,n=line.rstrip().rpartition(' '); n=int(n); T+=n
        for f in set(x.replace('_[j]','').replace('_[i]','') for x in st.split(';')): inc[f]+=n
    print(path.split('/')[2], path.split('policy-')[1].split('/')[0], T)
    for f in frames: print(f"   {100*inc[f]/T:5.1f} {f.split('/')[-1]}")
